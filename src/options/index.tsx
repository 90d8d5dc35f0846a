import { render } from 'preact';
import { connect } from '../popup/connection';
import { Options } from './Options';
import { askToLoadPictures, mayLoadPictures } from '../platform/permissions';
import { askToSendTo, stopSendingTo } from '../platform/site-permissions';
import { askToRunOn } from '../platform/instance-permission';
import { localizePage } from '../platform/i18n';

localizePage('settingsTitle'); // lang, dir and title in the writer's language
const root = document.getElementById('app');
if (root) {
  render(
    <Options
      connection={connect()}
      pictureAccess={{ granted: mayLoadPictures, request: askToLoadPictures }}
      siteAccess={{ request: askToSendTo, remove: stopSendingTo }}
      instanceAccess={{ request: askToRunOn }}
    />,
    root,
  );
}
