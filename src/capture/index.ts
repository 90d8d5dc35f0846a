// Capture API (CONTRACT.md): pure functions that read a page's DOM into Posts.
export { capturePost, capturePosts, type Clock } from './x';
export { findPostElements, isPromoted, postIdOf } from './x-find';
export { postFromLink, postIdOfLink, X_PAGE_PATTERNS, X_POST_LINK_PATTERNS } from './x-link';
