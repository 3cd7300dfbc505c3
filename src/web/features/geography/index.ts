/** Geography's public face: the area tree screen, a picker for an area, and the search box pickers share. */
import { lazy } from 'react';

export const AreasPage = lazy(() => import('./components/AreasPage'));

export { AreaPicker, areaLabel } from './components/AreaPicker';
export { Combobox } from './components/Combobox';
