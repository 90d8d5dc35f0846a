// Capture API (CONTRACT.md): pure functions that read a page's DOM into Posts.
export { capturePost, capturePosts, type Clock } from './x';
export { findPostElements, postIdOf } from './x-find';
