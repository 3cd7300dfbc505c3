/**
 * The light theme's accent (styles.css `--accent`): the installed app's bar and icon colour.
 * Beside theme.ts, free of the DOM, because vite.config.ts reads it at build time.
 */
export const THEME_COLOUR = '#0b6e4f';
