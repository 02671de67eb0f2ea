import { describe, expect, it } from 'vitest';
import { demoSignInLines } from './demo.ts';

describe('the demo sign-in hint', () => {
  it('names each account with its role as the application shows it, teamleitung also as Teamleitung', () => {
    const lines = demoSignInLines('geheim');
    expect(lines[0]).toBe('Demo-Anmeldungen (Passwort: geheim):');
    expect(lines).toContain(
      '  teamleitung  Tilda Teamleitung – Referatsleitung Junge Menschen (Teamleitung)',
    );
    expect(lines).toContain('  fachkraft    Frida Fachkraft – Case Managerin / Fachkraft');
    expect(lines).toContain('  sozialraum   Sina Sozialraum – Sozialraumkoordination');
    expect(lines).toHaveLength(8);
  });
});
