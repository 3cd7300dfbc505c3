/** Countries buyers most often come from and groups most often sell to; the API accepts any ISO code. */
export const COUNTRIES = [
  'ID',
  'JP',
  'SG',
  'MY',
  'TH',
  'VN',
  'KR',
  'CN',
  'TW',
  'AU',
  'NL',
  'DE',
  'FR',
  'GB',
  'US',
  'AE',
  'SA',
];

export { countryName } from '../../shared/formats';
