import { render } from 'preact';
import { App } from './App';
import { connect } from './connection';

const root = document.getElementById('app');
if (root) render(<App connection={connect()} />, root);
