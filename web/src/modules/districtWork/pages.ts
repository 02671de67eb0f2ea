/** The Sozialraum pages, loaded together when first opened (routes.tsx). */
export { DistrictWorkPage } from './DistrictWorkPage.tsx';
export { NetworkPage } from './NetworkPage.tsx';
export { VisitPage } from './VisitPage.tsx';
