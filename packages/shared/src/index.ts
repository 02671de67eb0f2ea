export * from './auth.ts';
export * from './cases.ts';
export * from './catalogues.ts';
export * from './common.ts';
export * from './dates.ts';
export * from './organisation.ts';
export * from './persons.ts';
export * from './roles.ts';
export { z } from './zod.ts';
