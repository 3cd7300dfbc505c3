import type { TRAINING_TOPICS } from '../../../../shared/schemas/training';

// The training module's answers (src/server/modules/training/*.service.ts presenters).

export type Localized = Record<string, string>;
export type Topic = (typeof TRAINING_TOPICS)[number] | (string & {});

export interface Question {
  text: Localized;
  choices: Localized[];
  answer?: number;
}

export interface Course {
  id: string;
  programId: string;
  title: Localized;
  description: Localized;
  topic: Topic;
  durationHours: number;
  links: { title: string; url: string }[];
  files: { id: string; title: string; url: string; contentType: string; byteSize: number }[];
  preTest: { questions: Question[] } | null;
  postTest: { questions: Question[] } | null;
  completionRule: { minAttendancePercent: number; minPostTestPercent: number };
  version: number;
}

export interface TrainingSession {
  id: string;
  courseId: string;
  course: { title: Localized; topic: Topic };
  programId: string;
  area: { code: string; name: string };
  address: string;
  startsOn: string;
  endsOn: string;
  trainer: { id: string; name: string };
  capacity: number;
  status: 'scheduled' | 'cancelled';
  enrolled: number;
  waitlisted: number;
  mayRun?: boolean;
}

export interface Enrolment {
  id: string;
  sessionId: string;
  member: { id: string; name: string };
  group: { id: string; name: string };
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  daysPresent: number;
  attendancePercent: number;
  preTestPercent: number | null;
  postTestPercent: number | null;
  complete: boolean;
  certificateId: string | null;
}

export interface AttendanceSheet {
  date: string;
  items: { enrolmentId: string; memberId: string; name: string; groupName: string; present: boolean | null }[];
}

export interface TestAttempt {
  id: string;
  correct: number;
  total: number;
  percent: number;
}

export interface Verification {
  certificateId: string;
  status: 'valid' | 'revoked';
  verificationCode: string;
  participantName: string;
  course: { title: Localized };
  startsOn: string;
  endsOn: string;
  trainerName: string;
  programName: string;
  issuedOn: string;
}

/** A localized value in the reader's language, else Indonesian, else any. */
export const inLocale = (text: Localized | undefined, locale: string) =>
  text ? (text[locale] ?? text.id ?? Object.values(text)[0] ?? '') : '';
