// Every unit test runs with the English catalogue behind `browser.i18n` (src/platform/i18n.ts
// reads it there), so the extension's words are the English ones, as in an English browser.
import { fakeI18n, readCatalogue, useI18n } from '../helpers/i18n';

useI18n(fakeI18n(readCatalogue('en')));
