// The reference roundup of /work/shared/seed-roundup.md ("Healthcare Social Media #hcsm")
// as Roundup data. Its original tweets are lost, so the four posts are made-up stand-ins
// by fictional accounts, each exercising a different kind of post.
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../src/export';

const CAPTURED = { capturedAt: '2026-01-05T09:00:00.000Z', pageUrl: 'https://x.com/search?q=%23hcsm' };

function post(n: string, name: string, handle: string, createdAt: string | undefined, extra: Partial<Post>): Post {
  const text = extra.segments?.map((s) => s.text).join('') ?? '';
  return {
    id: `x:${n}`, site: 'x', url: `https://x.com/${handle}/status/${n}`, author: { name, handle },
    text, segments: [], lang: 'en', ...(createdAt ? { createdAt } : {}), media: [], ...CAPTURED, ...extra,
  };
}

export const SEED_POSTS: Post[] = [
  post('1100000000000000001', 'Dr. Sample Surgeon', 'samplesurgeon', '2011-03-14T16:20:00.000Z', {
    segments: [
      { kind: 'text', text: 'Patients are already talking about us online. Better to be part of the conversation than the subject of it. ' },
      { kind: 'hashtag', text: '#hcsm', href: 'https://x.com/hashtag/hcsm' },
    ],
  }),
  post('1100000000000000002', 'Health Comms Sample', 'hcsm_sample', '2011-03-15T08:05:00.000Z', {
    segments: [
      { kind: 'text', text: 'The best defense in healthcare social media is a good offense.\nShow up, share, answer. ' },
      { kind: 'mention', text: '@samplesurgeon', href: 'https://x.com/samplesurgeon' },
      { kind: 'text', text: ' does it right.' },
    ],
  }),
  post('1100000000000000003', 'Sample Nurse', 'samplenurse', undefined, {
    segments: [{ kind: 'text', text: "You can lead a doctor to social media, but you can't make them tweet. 🐴" }],
    quoted: post('1099999999999999999', 'EHR Sample', 'ehrsample', '2011-03-10T12:00:00.000Z', {
      segments: [{ kind: 'text', text: 'Adoption is a people problem, not a technology problem.' }],
    }),
  }),
  post('1100000000000000004', 'Sample Health Blog', 'samplehealth', '2011-03-16T19:45:00.000Z', {
    segments: [
      { kind: 'text', text: 'Four types of patients and what social media does for each: ' },
      { kind: 'link', text: 'example.org/patient-types…', href: 'https://example.org/patient-types' },
    ],
    media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/sample-patient-types.jpg', alt: 'A 2×2 grid: healthy, worried well, chronically ill, acutely ill' }],
  }),
];

export const SEED_ROUNDUP: Roundup = {
  id: 'seed-hcsm',
  title: 'Healthcare Social Media #hcsm',
  intro:
    "I've been reading tweet after tweet recently about healthcare social media. I guess that's appropriate that they're using social media to talk about healthcare social media. Reminds me of a tweet from SXSW recently that said they were tweeting from a talk by Twitter Founder talking about the start of Twitter. That's pretty meta.\n\nLet's take a look at a few of these tweets:",
  closing: '',
  items: [
    {
      postId: 'x:1100000000000000001',
      leadIn: '',
      commentary:
        "I love Dr. Bobby Ghaheri. He's not afraid to talk about the issues of social media in healthcare head on. He's also not afraid to use them too…even with patients. I'm sure that MANY doctors will have major issues and inhibitions about engaging patients on social media (even outside of medical care). When you even mention the idea you can brace yourself for the insane patient who has unreasonable requests and how that could translate if you engaged them in social media. I should get Dr. Ghaheri to do an interview with me about social media.",
    },
    {
      postId: 'x:1100000000000000002',
      leadIn: 'This next tweet I think describes Dr. Ghaheri very well.',
      commentary:
        "Note that the tweet says to have a good offense. That doesn't mean you should be wreckless or thoughtless in your approach to healthcare social media. It means you take a reasoned and well thought out approach to find ways that social media can benefit you as a doctor.",
    },
    {
      postId: 'x:1100000000000000003',
      leadIn: '',
      commentary:
        "I understand where this tweet is coming from. Although, I don't necessarily agree. It's kind of like trying to lead a doctor to EHR that just frankly doesn't want to do it. The human will is one of the most powerful things in the world. I don't want to lead and lure someone into doing something they don't want to do.\n\nPersonally I approach it much different. I prefer to convert them to the idea of social media (or EHR if you prefer) and then there's no leading or luring required. Instead it's about supporting, directing and educating. That subtle change makes an enormous difference!",
    },
    {
      postId: 'x:1100000000000000004',
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
