// The words of the reference roundup (../shared/seed-roundup.md, "Healthcare Social Media
// #hcsm"), copied as they are: used by the export goldens and by the end-to-end test that
// writes the whole roundup in the editor. Its four [post N] places are filled by each user.

export interface SeedItemText {
  leadIn: string;
  commentary: string;
}

export const SEED_TEXT = {
  title: 'Healthcare Social Media #hcsm',
  intro:
    "I've been reading tweet after tweet recently about healthcare social media. I guess that's appropriate that they're using social media to talk about healthcare social media. Reminds me of a tweet from SXSW recently that said they were tweeting from a talk by Twitter Founder talking about the start of Twitter. That's pretty meta.\n\nLet's take a look at a few of these tweets:",
  closing: '',
  items: [
    { leadIn: '', commentary: "I love Dr. Bobby Ghaheri. He's not afraid to talk about the issues of social media in healthcare head on. He's also not afraid to use them too…even with patients. I'm sure that MANY doctors will have major issues and inhibitions about engaging patients on social media (even outside of medical care). When you even mention the idea you can brace yourself for the insane patient who has unreasonable requests and how that could translate if you engaged them in social media. I should get Dr. Ghaheri to do an interview with me about social media." },
    { leadIn: 'This next tweet I think describes Dr. Ghaheri very well.', commentary: "Note that the tweet says to have a good offense. That doesn't mean you should be wreckless or thoughtless in your approach to healthcare social media. It means you take a reasoned and well thought out approach to find ways that social media can benefit you as a doctor." },
    { leadIn: '', commentary: "I understand where this tweet is coming from. Although, I don't necessarily agree. It's kind of like trying to lead a doctor to EHR that just frankly doesn't want to do it. The human will is one of the most powerful things in the world. I don't want to lead and lure someone into doing something they don't want to do.\n\nPersonally I approach it much different. I prefer to convert them to the idea of social media (or EHR if you prefer) and then there's no leading or luring required. Instead it's about supporting, directing and educating. That subtle change makes an enormous difference!" },
    { leadIn: "I'll end this little roundup of healthcare social media thoughts with this insightful look at types of patients and the benefits of social media to the various types of patients from a blog post by Jay Parkinson.", commentary: "My biggest problem with Jay's thoughts on healthcare social media is that it assumes our current model of healthcare. I can't help but wonder if social media will help to inform the patient population in ways that we are attracted to healthcare even when we're not \"sick.\" I call this treating the healthy patient. Social media awareness could be the driver behind this new trend." },
  ] as SeedItemText[],
  signature:
    'About the author\n\nJohn Lynn is the Founder of HealthcareScene.com, a network of leading Healthcare IT resources. […] John is highly involved in social media, and in addition to his blogs can be found on Twitter: @techguy.',
};
