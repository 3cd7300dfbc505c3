/** The community module's public face: its routes. */
import { mayReadPostPhoto } from './post-photos.service.js';

export { communityRoutes } from './community.routes.js';

/** The community module's private files and who may read them (asked by `/media`). */
export const communityFileReaders = { posts: mayReadPostPhoto };
export { remindEvents } from './events.reminders.js';
export { exportStoryTemplate, importStoryTemplate } from './story-templates.service.js';
