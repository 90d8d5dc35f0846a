// The attributes Roundup puts on the page: how its stylesheet, select mode and the tests find
// what it marked. One place, so every part agrees on the names.

/** On each post offered for clipping: its id (`x:<status id>`). */
export const POST_ATTRIBUTE = 'data-roundup-post';
/** On each post the current roundup holds. */
export const CLIPPED_ATTRIBUTE = 'data-roundup-clipped';
/** On `<html>` while select mode is on. */
export const SELECT_ATTRIBUTE = 'data-roundup-select';
/** Every element Roundup adds to the page carries this, so it can be found and removed. */
export const OWN_ATTRIBUTE = 'data-roundup-own';
