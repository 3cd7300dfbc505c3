/** The community module's public face: its routes. */
export { communityRoutes } from './community.routes.js';
export { remindEvents } from './events.reminders.js';
export { exportStoryTemplate, importStoryTemplate } from './story-templates.service.js';
