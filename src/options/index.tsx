import { render } from 'preact';
import { connect } from '../popup/connection';
import { Options } from './Options';
import { askToLoadPictures, mayLoadPictures } from '../platform/permissions';

const root = document.getElementById('app');
if (root) render(<Options connection={connect()} pictureAccess={{ granted: mayLoadPictures, request: askToLoadPictures }} />, root);
