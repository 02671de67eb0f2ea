import { describe, expect, it } from 'vitest';
import { forbiddenOnCase, refusalOfRoute } from './refusals.ts';

const id = '0f6c1a3e-8b2d-4c5e-9f1a-2b3c4d5e6f70';

describe('audit entries of refusals', () => {
  it('gives a refused action on a case a 403 that carries its audit entry', () => {
    const error = forbiddenOnCase(id, 'allocate_lead', 'Nur die Referatsleitung des Teams kann das.');
    expect(error.status).toBe(403);
    expect(error.auditEntry).toEqual({
      action: 'access_denied',
      entityType: 'case',
      entityId: id,
      details: { purpose: 'allocate_lead' },
    });
  });

  it('names the record of the first route parameter, not a nested item', () => {
    const entry = refusalOfRoute({
      method: 'GET',
      route: '/api/v1/cases/:id/documents/:itemId',
      params: { id: id.toUpperCase(), itemId: '1b6c1a3e-8b2d-4c5e-9f1a-2b3c4d5e6f70' },
    });
    expect(entry).toEqual({
      action: 'access_denied',
      entityType: 'case',
      entityId: id,
      details: { purpose: 'read', route: 'GET /api/v1/cases/:id/documents/:itemId' },
    });
  });

  it('maps resource segments to the entity types the rest of the trail uses', () => {
    const of = (route: string) => refusalOfRoute({ method: 'PUT', route, params: { id } }).entityType;
    expect(of('/api/v1/organisation/staff/:id')).toBe('user');
    expect(of('/api/v1/organisation/social-centres/:id')).toBe('social_centre');
    expect(of('/api/v1/persons/duplicates')).toBe('person');
    expect(of('/api/v1/finance/statistics/hze')).toBe('hze_statistics');
  });

  it('names a route without a record by its area, and any other by the closed fallback', () => {
    const of = (route: string) => refusalOfRoute({ method: 'GET', route, params: {} }).entityType;
    expect(of('/api/v1/controlling/district-outlines')).toBe('controlling');
    expect(of('/api/v1/audit/verify')).toBe('audit_log');
    expect(of('/api/v1/somewhere-new')).toBe('route');
  });
});
