import { render } from 'preact';
import { connect } from '../popup/connection';
import { Options } from './Options';

const root = document.getElementById('app');
if (root) render(<Options connection={connect()} />, root);
