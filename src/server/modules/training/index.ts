/** The training module's public face: its routes, and the commands the demo seed runs. */
import { mayReadCourseMaterial } from './courses.service.js';

export { trainingRoutes } from './training.routes.js';

/** The training module's private files and who may read them (asked by `/media`). */
export const trainingFileReaders = { courses: mayReadCourseMaterial };

export { createCourse } from './courses.service.js';
export { createSession } from './sessions.service.js';
export { enrol } from './enrolments.service.js';
export { recordAttendance } from './attendance.service.js';
export { recordTestAttempt } from './test-attempts.service.js';

/** What waits in training for the caller, for the home screen. */
export { trainingTasks } from './tasks.service.js';

/** A course as a file, for copying between programs (`ovop programs export-template`). */
export { exportCourse, importCourse } from './course-exchange.js';
