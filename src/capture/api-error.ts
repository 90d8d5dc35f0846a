// What the readers of the networks' APIs (bluesky-api.ts, mastodon-api.ts) add to an error
// that will pass: when to try again, in the writer's language.
import { plural, t } from '../platform/i18n';

/** "Try again in a minute." without a known wait, else "Try again in 30 seconds." ("… 10 minutes."). */
export function tryAgainIn(wait: number | null): string {
  if (wait === null) return t('tryAgainInAMinute');
  return t('tryAgainIn', wait < 120 ? plural('waitSeconds', wait) : plural('waitMinutes', Math.ceil(wait / 60)));
}
