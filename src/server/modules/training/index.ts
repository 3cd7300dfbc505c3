/** The training module's public face: its routes, and the commands the demo seed runs. */
export { trainingRoutes } from './training.routes.js';
export { createCourse } from './courses.service.js';
export { createSession } from './sessions.service.js';
export { enrol } from './enrolments.service.js';
export { recordAttendance } from './attendance.service.js';
export { recordTestAttempt } from './test-attempts.service.js';
