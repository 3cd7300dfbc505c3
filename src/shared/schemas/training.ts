import { z } from 'zod';
import { coded } from '../problem-codes.js';
import {
  abilitiesOf,
  isoDate,
  isoDateAnswer,
  localizedAnswer,
  localizedText,
  pageOf,
  pageQuery,
  timestamp,
  uuid,
  version,
} from '../common.schemas.js';
import { areaCode } from './geography.js';

/** The topics OVOP programs train in (DESIGN §3.5); a program may also use its own slug. */
export const TRAINING_TOPICS = [
  'marketing',
  'accounting',
  'packaging',
  'product_development',
  'food_safety',
  'export',
  'digital_selling',
] as const;
export const TEST_KINDS = ['pre', 'post'] as const;
export type TestKind = (typeof TEST_KINDS)[number];
export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

const topic = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, coded('not_a_topic', 'must be a topic such as marketing or your own slug'));
const percent = z.number().int().min(0).max(100);

// ---- courses -----------------------------------------------------------------------------------
const question = z
  .strictObject({
    text: localizedText(1000),
    choices: z.array(localizedText(300)).min(2).max(8),
    /** The index of the right choice; the server scores, participants never see it. */
    answer: z.number().int().min(0),
  })
  .refine((q) => q.answer < q.choices.length, {
    path: ['answer'],
    message: 'is not one of the choices',
    params: { code: 'not_a_choice' },
  });
export const courseTest = z.strictObject({ questions: z.array(question).min(1).max(50) });
export type CourseTest = z.infer<typeof courseTest>;

const link = z.strictObject({ title: z.string().trim().min(1).max(200), url: z.url().max(2000) });

/** Completion (DESIGN §3.5): attendance and post-test score at or above these; 80 % and 60 % by default. */
export const completionRule = z.strictObject({
  minAttendancePercent: percent.default(80),
  minPostTestPercent: percent.default(60),
});
export type CompletionRule = z.infer<typeof completionRule>;

const courseFields = {
  title: localizedText(200),
  description: localizedText(4000).optional(),
  topic,
  durationHours: z.number().int().min(1).max(1000),
  links: z.array(link).max(30).default([]),
  preTest: courseTest.nullable().optional(),
  postTest: courseTest.nullable().optional(),
  completionRule: completionRule.default({ minAttendancePercent: 80, minPostTestPercent: 60 }),
};

export const createCourseBody = z.strictObject({ id: uuid.optional(), programId: uuid, ...courseFields });
export type CreateCourseBody = z.infer<typeof createCourseBody>;

export const patchCourseBody = z
  .object({
    version: version.optional(),
    title: courseFields.title,
    description: localizedText(4000),
    topic,
    durationHours: courseFields.durationHours,
    links: z.array(link).max(30),
    preTest: courseTest.nullable(),
    postTest: courseTest.nullable(),
    completionRule: z.strictObject({ minAttendancePercent: percent, minPostTestPercent: percent }),
  })
  .partial()
  .strict();
export type PatchCourseBody = z.infer<typeof patchCourseBody>;

export const listCoursesQuery = pageQuery.extend({ programId: uuid, topic: topic.optional() });
export type ListCoursesQuery = z.infer<typeof listCoursesQuery>;

// ---- sessions ----------------------------------------------------------------------------------
export const createSessionBody = z
  .strictObject({
    id: uuid.optional(),
    courseId: uuid,
    areaCode,
    address: z.string().trim().min(1).max(500),
    startsOn: isoDate,
    endsOn: isoDate,
    trainerId: uuid,
    capacity: z.number().int().min(1).max(1000),
  })
  .refine((s) => s.endsOn >= s.startsOn, {
    path: ['endsOn'],
    message: 'is before startsOn',
    params: { code: 'before_start' },
  })
  .refine((s) => daysBetween(s.startsOn, s.endsOn) <= 60, {
    path: ['endsOn'],
    message: 'is more than 60 days on',
    params: { code: 'span_too_long', days: 60 },
  });
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const listSessionsQuery = pageQuery.extend({
  programId: uuid,
  courseId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;

export const enrolBody = z.strictObject({ id: uuid.optional(), memberId: uuid });
export type EnrolBody = z.infer<typeof enrolBody>;

export const enrolmentParams = z.object({ id: uuid, enrolmentId: uuid });

// ---- attendance and tests ----------------------------------------------------------------------
export const attendanceParams = z.object({ id: uuid, date: isoDate });
export const attendanceBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        memberId: uuid,
        present: z.boolean(),
        /**
         * When the mark was made (the phone's tap), reused by every retry of it; the server's clock
         * when absent. A mark older than the one stored never overwrites it.
         */
        markedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .min(1)
    .max(1000)
    .refine(
      (items) => new Set(items.map((i) => i.memberId)).size === items.length,
      coded('listed_twice', 'names a member twice'),
    ),
});
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const testParams = z.object({ id: uuid, enrolmentId: uuid, kind: z.enum(TEST_KINDS) });
export const sessionTestParams = z.object({ id: uuid, kind: z.enum(TEST_KINDS) });
export const testAttemptBody = z.strictObject({
  id: uuid.optional(),
  /** The index of the chosen choice per question, in the course's order; null for unanswered. */
  answers: z.array(z.number().int().min(0).max(7).nullable()).min(1).max(50),
});
export type TestAttemptBody = z.infer<typeof testAttemptBody>;

export const certificatePdfParams = z.object({ id: uuid });
export const trainingSummaryQuery = z.object({ area: areaCode.optional() });
export type TrainingSummaryQuery = z.infer<typeof trainingSummaryQuery>;

/** Whole days from one ISO date to another (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- answers -----------------------------------------------------------------------------------
// What the training routes answer (the serializer strips anything not listed here). Abilities come
// from the training policy: the web shows a button when the server says the caller may use it.

/** The program's training as a whole: may the caller write courses, plan sessions (for any trainer)? */
export const trainingProgramAbilities = abilitiesOf([
  'read',
  'createCourse',
  'planSession',
  'planForAnyTrainer',
  'readCertificateSettings',
  'setCertificateSettings',
]);

const questionAnswer = z.object({
  text: localizedAnswer,
  choices: z.array(localizedAnswer),
  /** Only for those who may edit the course. */
  answer: z.number().int().optional(),
});
const courseTestAnswer = z.object({ questions: z.array(questionAnswer) });
export const courseFileAnswer = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
});

export const courseAnswer = z.object({
  id: z.string(),
  programId: z.string(),
  title: localizedAnswer,
  description: localizedAnswer,
  topic: z.string(),
  durationHours: z.number().int(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  files: z.array(courseFileAnswer),
  preTest: courseTestAnswer.nullable(),
  postTest: courseTestAnswer.nullable(),
  completionRule: z.object({ minAttendancePercent: z.number().int(), minPostTestPercent: z.number().int() }),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** `update`: edit the course and add materials (those who may also see the tests' answers). */
  abilities: abilitiesOf(['read', 'update']),
});
export type CourseAnswer = z.infer<typeof courseAnswer>;
export const coursePage = pageOf(courseAnswer).extend({ abilities: trainingProgramAbilities });
export type CoursePageAnswer = z.infer<typeof coursePage>;

export const sessionAnswer = z.object({
  id: z.string(),
  courseId: z.string(),
  course: z.object({ title: localizedAnswer, topic: z.string() }),
  programId: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  address: z.string(),
  startsOn: isoDateAnswer,
  endsOn: isoDateAnswer,
  trainer: z.object({ id: z.string(), name: z.string() }),
  capacity: z.number().int(),
  status: z.enum(['scheduled', 'cancelled']),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** `run`: cancel it; `markAttendance`: the attendance sheet; `enrol`: enrol someone (whom, the server decides). */
  abilities: abilitiesOf(['read', 'run', 'markAttendance', 'enrol']),
});
export type SessionAnswer = z.infer<typeof sessionAnswer>;
/** One session: as listed, with `mayRun` (the same as `abilities.markAttendance`, kept for the web until it reads abilities). */
export const sessionDetailAnswer = sessionAnswer.extend({ mayRun: z.boolean() });
export type SessionDetailAnswer = z.infer<typeof sessionDetailAnswer>;
export const sessionPage = pageOf(sessionAnswer).extend({ abilities: trainingProgramAbilities });
export type SessionPageAnswer = z.infer<typeof sessionPage>;

export const enrolmentAnswer = z.object({
  id: z.string(),
  sessionId: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
  group: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(ENROLMENT_STATUSES),
  daysPresent: z.number().int(),
  attendancePercent: z.number(),
  preTestPercent: z.number().nullable(),
  postTestPercent: z.number().nullable(),
  complete: z.boolean(),
  certificateId: z.string().nullable(),
  createdAt: timestamp,
  /** `withdraw`: cancel the enrolment; `recordTest`: enter the participant's test answers. */
  abilities: abilitiesOf(['read', 'enrol', 'withdraw', 'recordTest']),
});
export type EnrolmentAnswer = z.infer<typeof enrolmentAnswer>;
export const enrolmentList = z.object({ items: z.array(enrolmentAnswer) });
export type EnrolmentListAnswer = z.infer<typeof enrolmentList>;
/** A cancelled enrolment, and the one promoted from the waitlist into the freed place, if any. */
export const cancelledEnrolmentAnswer = z.object({ enrolment: enrolmentAnswer, promoted: enrolmentAnswer.nullable() });
export type CancelledEnrolmentAnswer = z.infer<typeof cancelledEnrolmentAnswer>;

export const attendanceSheetAnswer = z.object({
  date: isoDateAnswer,
  items: z.array(
    z.object({
      enrolmentId: z.string(),
      memberId: z.string(),
      name: z.string(),
      groupName: z.string(),
      /** null: not marked yet that day. */
      present: z.boolean().nullable(),
    }),
  ),
});
export type AttendanceSheetAnswer = z.infer<typeof attendanceSheetAnswer>;

/** A course's test as participants see it: never the answers. */
export const sessionTestAnswer = z.object({
  kind: z.enum(TEST_KINDS),
  questions: z.array(z.object({ text: localizedAnswer, choices: z.array(localizedAnswer) })),
});
export type SessionTestAnswer = z.infer<typeof sessionTestAnswer>;
export const testAttemptAnswer = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  kind: z.enum(TEST_KINDS),
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
  createdAt: timestamp,
});
export type TestAttemptAnswer = z.infer<typeof testAttemptAnswer>;

export const certificateAnswer = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  sessionId: z.string(),
  memberId: z.string(),
  verificationCode: z.string(),
  /** The code with its check character, as printed and typed ("7KQ2-M9XA-4TC"). */
  number: z.string(),
  participantName: z.string(),
  course: z.object({ title: localizedAnswer, topic: z.string() }),
  startsOn: isoDateAnswer,
  endsOn: isoDateAnswer,
  trainerName: z.string(),
  programName: z.string(),
  issuedAt: timestamp,
  revokedAt: timestamp.nullable(),
  revokedReason: z.enum(['withdrawn', 'no_longer_complete']).nullable(),
  pdfUrl: z.string(),
  abilities: abilitiesOf(['read', 'revoke']),
});
export type CertificateAnswer = z.infer<typeof certificateAnswer>;

/** The public check of a printed certificate: nothing about the person beyond the printed name. */
export const verificationAnswer = z.object({
  certificateId: z.string(),
  status: z.enum(['valid', 'revoked']),
  verificationCode: z.string(),
  number: z.string(),
  participantName: z.string(),
  course: z.object({ title: localizedAnswer }),
  /** The course's hours; null on certificates issued before hours were printed. */
  hours: z.number().int().nullable(),
  startsOn: isoDateAnswer,
  endsOn: isoDateAnswer,
  trainerName: z.string(),
  programName: z.string(),
  /** The organisation that issued it, the place of issue and the signing officer, as printed. */
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  signer: z.object({ name: z.string(), title: z.string().nullable() }).nullable(),
  issuedOn: isoDateAnswer,
});

/** A certificate looked up by its printed number. */
export const verificationByNumberQuery = z.strictObject({ number: z.string().min(1).max(40) });

/** Who issues and signs a program's training certificates. */
export const certificateSettingsBody = z.strictObject({
  version: version.optional(),
  issuer: z.string().trim().max(200).nullable().optional(),
  signerName: z.string().trim().max(120).nullable().optional(),
  signerTitle: z.string().trim().max(200).nullable().optional(),
});
export type CertificateSettingsBody = z.infer<typeof certificateSettingsBody>;
export const certificateSettingsAnswer = z.object({
  programId: z.string(),
  issuer: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  hasSignature: z.boolean(),
  /** 0 until first set. */
  version: z.number().int(),
  abilities: abilitiesOf(['readCertificateSettings', 'setCertificateSettings']),
});
export type CertificateSettingsAnswer = z.infer<typeof certificateSettingsAnswer>;
export type VerificationAnswer = z.infer<typeof verificationAnswer>;

const completedCourse = z.object({
  certificateId: z.string(),
  sessionId: z.string(),
  course: z.object({ title: localizedAnswer, topic: z.string() }),
  startsOn: isoDateAnswer,
  endsOn: isoDateAnswer,
  trainerName: z.string(),
});
export const memberTrainingAnswer = z.object({
  memberId: z.string(),
  name: z.string(),
  completed: z.array(completedCourse),
});
export const groupTrainingAnswer = z.object({ groupId: z.string(), items: z.array(memberTrainingAnswer) });
export type GroupTrainingAnswer = z.infer<typeof groupTrainingAnswer>;

const bySex = { female: z.number().int(), male: z.number().int(), total: z.number().int() };
export const trainingSummaryAnswer = z.object({
  programId: z.string(),
  area: z.string().nullable(),
  byTopic: z.array(z.object({ topic: z.string(), ...bySex })),
  people: z.object(bySex),
});
export type TrainingSummaryAnswer = z.infer<typeof trainingSummaryAnswer>;

// ---- a course as a file: copied between programs and installations -------------------------------
/** The format of an exported course; a reader refuses any other version (decision 027). */
export const COURSE_DOCUMENT_FORMAT = 'ovop.course';
export const courseDocument = z.strictObject({
  format: z.literal(COURSE_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  /** Where it came from, for the reader; never an id to reuse. */
  source: z.strictObject({ programCode: z.string().max(40).nullable(), exportedAt: z.string().max(40) }).optional(),
  /** The course as it is written (its tests with their answers); uploaded files stay behind. */
  course: z.strictObject(courseFields),
  /** How many uploaded files the course had: not in the file, to be uploaded again. */
  filesLeftBehind: z.number().int().min(0).default(0),
});
export type CourseDocument = z.infer<typeof courseDocument>;

export const courseImportAnswer = z.object({
  course: courseAnswer,
  missingLocales: z.array(z.object({ path: z.string(), locales: z.array(z.string()) })),
  filesLeftBehind: z.number().int(),
});

/** The export's answer: the same document as stored (a test's answers included). */
export const courseDocumentAnswer = z.object({
  format: z.literal(COURSE_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  source: z.object({ programCode: z.string().nullable(), exportedAt: z.string() }).optional(),
  course: z.object({
    title: localizedAnswer,
    description: localizedAnswer.optional(),
    topic: z.string(),
    durationHours: z.number().int(),
    links: z.array(z.object({ title: z.string(), url: z.string() })),
    preTest: courseTestAnswer.nullable().optional(),
    postTest: courseTestAnswer.nullable().optional(),
    completionRule: z.object({ minAttendancePercent: z.number().int(), minPostTestPercent: z.number().int() }),
  }),
  filesLeftBehind: z.number().int(),
});
