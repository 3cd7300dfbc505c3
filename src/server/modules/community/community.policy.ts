import { definePolicy } from '../platform/index.js';

/**
 * Who may do what in the community (decision 019). A community manager acts in their grant's
 * area (or the whole program); the program manager may act as one everywhere in the program.
 * Joining itself is public and needs no rule.
 */
const MANAGERS = { roles: ['community_manager' as const], programWide: ['program_manager' as const] };

/** The program's community rules: anyone reads them (the public page shows them); the program manager writes them. */
export const communityProgramPolicy = definePolicy('Community', {
  read: { roles: [], programWide: ['program_manager', 'community_manager'] },
  writeRules: { roles: [], programWide: ['program_manager'] },
});

/** A request to join, placed in the joiner's village: seen and decided by the managers whose scope holds it. */
export const joinPolicy = definePolicy('Join request', {
  read: MANAGERS,
  decide: MANAGERS,
});

/**
 * Staff with a community role in the program read and post in every space of it; a welcomed
 * member's reach (topic spaces and the areas over their village) is the service's, from their
 * welcome. Moderators act in the spaces their grant's area holds: an area space inside it, and
 * topic spaces (above every area) only with a grant over the whole program.
 */
const COMMUNITY_STAFF = {
  roles: ['community_manager' as const, 'trainer' as const],
  anywhere: true,
  programWide: ['program_manager' as const],
};
export const spacePolicy = definePolicy('Space', {
  read: COMMUNITY_STAFF,
  post: COMMUNITY_STAFF,
  moderate: MANAGERS,
});

/** Who marks a question's accepted answer: its asker, or a mentor (trainer) or community manager of the program. */
export const answerPolicy = definePolicy('Thread', {
  read: { ...COMMUNITY_STAFF, owner: true },
  accept: { ...COMMUNITY_STAFF, owner: true },
});

/**
 * Mentoring (decision 019): the program's trainers are its mentors, by role (a grant anywhere in
 * the program; an experienced group manager or an outside expert becomes one by a trainer grant).
 */
export const mentorPolicy = definePolicy('Mentor', {
  read: COMMUNITY_STAFF,
  mentor: { roles: ['trainer'], anywhere: true },
});

/**
 * A mentorship, placed at the mentee's village and owned (for the policy) by its mentor: the mentor
 * decides the request; the two parties record sessions (the mentee's own reach is the service's);
 * a community manager whose area holds the mentee's village, or the program's manager, oversees
 * and reads the notes. Nobody else learns it exists.
 */
export const mentorshipPolicy = definePolicy('Mentorship', {
  read: { ...MANAGERS, owner: true },
  decide: { roles: [], ownerOnly: true },
  record: { roles: [], owner: true },
  feedback: { roles: [], ownerOnly: true },
});

/**
 * A producer group's success story: drafted by the group's manager or a facilitator whose area
 * holds the group; reviewed and published by a community manager whose area holds it or the
 * program's manager. Published stories are public (the service's).
 */
export const storyPolicy = definePolicy('Story', {
  read: { roles: ['group_manager', 'facilitator', 'community_manager'], programWide: ['program_manager'] },
  draft: ['group_manager', 'facilitator'],
  review: MANAGERS,
});

/**
 * Events (decision 019), placed in their area ('' when online or a space's alone): read and
 * answered by the program's community staff and facilitators (a welcomed member's reach is the
 * service's, as for spaces); organised — made, checked in at the door — by community managers and
 * facilitators in their area and by the program's own manager.
 */
const EVENT_READERS = {
  roles: ['community_manager' as const, 'trainer' as const, 'facilitator' as const],
  anywhere: true,
  programWide: ['program_manager' as const],
};
export const eventPolicy = definePolicy('Event', {
  read: EVENT_READERS,
  rsvp: EVENT_READERS,
  organise: { roles: ['community_manager', 'facilitator'], programWide: ['program_manager'] },
});

/**
 * Announcements from the program, placed where they are aimed (an area's path; '' for the whole
 * community, a role, or a topic space): written by the community managers whose area holds that
 * place and by the program's own manager, who also see how many have read them.
 */
export const announcementPolicy = definePolicy('Announcement', {
  read: EVENT_READERS,
  manage: MANAGERS,
});

/**
 * A program's story templates: read by whoever drafts or reviews its stories (a grant anywhere in
 * the program), made, changed, archived, exported and imported by its program manager.
 */
export const storyTemplatePolicy = definePolicy('Story template', {
  read: {
    roles: ['group_manager', 'facilitator', 'community_manager'],
    anywhere: true,
    programWide: ['program_manager'],
  },
  manage: { roles: [], programWide: ['program_manager'] },
});
