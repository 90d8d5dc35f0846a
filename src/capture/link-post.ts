// A post known only by its link: what "Clip this post" stores when the post cannot be read
// (a link on a page the content script does not run on; a network's API out of reach). Its
// id, address and what the link says of its author; nothing else, so it is marked partial.
import type { Author, Post, Site } from '../model/post';

export function linkOnlyPost(fields: { id: string; site: Site; url: string; author: Author; pageUrl: string; capturedAt: string }): Post {
  return {
    id: fields.id,
    site: fields.site,
    url: fields.url,
    author: fields.author,
    text: '',
    segments: [],
    media: [],
    capturedAt: fields.capturedAt,
    // Only a web page is worth keeping as where it came from (not chrome://newtab and the like).
    pageUrl: /^https?:\/\//i.test(fields.pageUrl) ? fields.pageUrl : '',
    partial: true,
  };
}
