// The date a zip made by Roundup gives its files: the export's own, never the clock, so the
// same export makes the same bytes. fflate writes it in local time, in a range of 1980–2107.

/** The date of `iso`, or 2 January 1980 when absent, invalid or out of the zip's range. */
export function zipDate(iso: string | undefined): Date {
  const date = new Date(iso ?? '');
  const year = date.getUTCFullYear();
  // A day's margin both ends: the local time fflate writes may be a day either side of UTC.
  return year >= 1981 && year <= 2098 ? date : new Date('1980-01-02T00:00:00Z');
}
