// The reference roundup of /work/shared/seed-roundup.md ("Healthcare Social Media #hcsm")
// as Roundup data: its words copied as they are, and in its four `[post N]` places, posts
// captured by `capturePosts` from the saved real x.com pages in tests/fixtures/x/ (the
// original tweets are lost). Picked so the goldens cover every kind of post content:
//   1. mention, t.co link and a photo (German; profile timeline);
//   2. two mentions and a quoted post with a video, shown without its own link (home timeline);
//   3. link, two hashtags, emoji, Japanese, line breaks (photo viewer of an edited post);
//   4. a photo, and a quoted post with its own link, photo and a literal `*total*`.
// None of the saved pages has a photo with written alt text (X labels those "Image", which
// capture drops), so the alt text of photos is covered by export-fixtures.ts instead.
// capturedAt is pinned by the capture's clock, so the goldens do not change from run to run.
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { capturePosts } from '../../src/capture';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../src/export';
import { loadFixture } from '../unit/helpers/capture-fixture';

export { closeFixtures as closeSeedPages } from '../unit/helpers/capture-fixture';

const CAPTURED_AT = '2026-01-05T09:00:00.000Z';

/** Where each [post N] comes from: saved page, the URL it was saved at, the status id. */
const SOURCES: ReadonlyArray<[file: string, pageUrl: string, id: string]> = [
  ['control-panel-for-twitter/mario-zechner-twitter.html', 'https://x.com/badlogicgames', '1748869770659729499'],
  ['control-panel-for-twitter/home-twitter-complete.html', 'https://x.com/home', '1991606465300426936'],
  ['twittermediaharvest/edited-modal.html', 'https://x.com/seigura/status/1842037500065546723/photo/1', '1842037500065546723'],
  ['control-panel-for-twitter/mario-zechner-wow.html', 'https://x.com/badlogicgames/status/1991612272289161300', '1991612272289161300'],
];

function captured([file, pageUrl, id]: (typeof SOURCES)[number]): Post {
  const post = capturePosts(loadFixture(file, pageUrl), pageUrl, () => CAPTURED_AT).find((p) => p.id === `x:${id}`);
  if (!post) throw new Error(`${file} no longer yields post ${id}: capture changed, see tests/unit/capture-*`);
  return post;
}

export const SEED_POSTS: Post[] = SOURCES.map(captured);
const [P1, P2, P3, P4] = SEED_POSTS.map((p) => p.id) as [string, string, string, string];

export const SEED_ROUNDUP: Roundup = {
  id: 'seed-hcsm',
  title: 'Healthcare Social Media #hcsm',
  intro:
    "I've been reading tweet after tweet recently about healthcare social media. I guess that's appropriate that they're using social media to talk about healthcare social media. Reminds me of a tweet from SXSW recently that said they were tweeting from a talk by Twitter Founder talking about the start of Twitter. That's pretty meta.\n\nLet's take a look at a few of these tweets:",
  closing: '',
  items: [
    {
      postId: P1,
      leadIn: '',
      commentary:
        "I love Dr. Bobby Ghaheri. He's not afraid to talk about the issues of social media in healthcare head on. He's also not afraid to use them too…even with patients. I'm sure that MANY doctors will have major issues and inhibitions about engaging patients on social media (even outside of medical care). When you even mention the idea you can brace yourself for the insane patient who has unreasonable requests and how that could translate if you engaged them in social media. I should get Dr. Ghaheri to do an interview with me about social media.",
    },
    {
      postId: P2,
      leadIn: 'This next tweet I think describes Dr. Ghaheri very well.',
      commentary:
        "Note that the tweet says to have a good offense. That doesn't mean you should be wreckless or thoughtless in your approach to healthcare social media. It means you take a reasoned and well thought out approach to find ways that social media can benefit you as a doctor.",
    },
    {
      postId: P3,
      leadIn: '',
      commentary:
        "I understand where this tweet is coming from. Although, I don't necessarily agree. It's kind of like trying to lead a doctor to EHR that just frankly doesn't want to do it. The human will is one of the most powerful things in the world. I don't want to lead and lure someone into doing something they don't want to do.\n\nPersonally I approach it much different. I prefer to convert them to the idea of social media (or EHR if you prefer) and then there's no leading or luring required. Instead it's about supporting, directing and educating. That subtle change makes an enormous difference!",
    },
    {
      postId: P4,
      leadIn:
        "I'll end this little roundup of healthcare social media thoughts with this insightful look at types of patients and the benefits of social media to the various types of patients from a blog post by Jay Parkinson.",
      commentary:
        "My biggest problem with Jay's thoughts on healthcare social media is that it assumes our current model of healthcare. I can't help but wonder if social media will help to inform the patient population in ways that we are attracted to healthcare even when we're not \"sick.\" I call this treating the healthy patient. Social media awareness could be the driver behind this new trend.",
    },
  ],
  createdAt: '2011-03-17T10:00:00.000Z',
  updatedAt: '2011-03-18T07:30:00.000Z',
};

export const SEED_SIGNATURE =
  'About the author\n\nJohn Lynn is the Founder of HealthcareScene.com, a network of leading Healthcare IT resources. […] John is highly involved in social media, and in addition to his blogs can be found on Twitter: @techguy.';

export const SEED_INPUT: ExportInput = {
  roundup: SEED_ROUNDUP,
  posts: Object.fromEntries(SEED_POSTS.map((p) => [p.id, p])),
  settings: { ...DEFAULT_EXPORT_SETTINGS, signature: SEED_SIGNATURE },
  exportedAt: '2011-03-18T08:00:00.000Z',
};
