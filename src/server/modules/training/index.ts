/** The training module's public face: courses, sessions, attendance, tests, certificates. */
export { trainingRoutes } from './training.routes.js';
export { createCourse } from './courses.service.js';
export { createSession } from './sessions.service.js';
export { cancelEnrolment, enrol } from './enrolments.service.js';
export { recordAttendance } from './attendance.service.js';
export { recordTestAttempt } from './test-attempts.service.js';
export { TRAINING_TOPICS } from './training.schemas.js';
