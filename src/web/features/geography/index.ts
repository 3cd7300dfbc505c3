/** Geography's public face: the area tree screen and a picker for an area. */
import { lazy } from 'react';

export const AreasPage = lazy(() => import('./components/AreasPage'));

export { AreaPicker } from './components/AreaPicker';
