import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.tsx';
import { parseMarkdown, safeHref } from './markdown.ts';

const render = (source: string) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(Markdown, { source })));

describe('the knowledge base’s Markdown', () => {
  it('renders headings, lists, emphasis, code and safe links as elements', () => {
    const html = render(
      '# Hausbesuch\n\nVorher **Termin** und *Anlass* klären, `Mappe` mitnehmen.\n\n- eins\n- zwei\n\n1. erst\n2. dann\n\n[Handbuch](/wissen) und [Portal](https://example.org/a?b=1)',
    );
    expect(html).toContain('Hausbesuch</h2>');
    expect(html).toContain('<strong>Termin</strong>');
    expect(html).toContain('<em>Anlass</em>');
    expect(html).toMatch(/<code[^>]*>Mappe<\/code>/);
    expect(html.match(/<li/g)).toHaveLength(4);
    expect(html).toMatch(/<ol/);
    expect(html).toContain('href="/wissen"');
    expect(html).toContain('href="https://example.org/a?b=1"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('never renders a script, an event handler or raw HTML: they stay visible text', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '# <svg onload=alert(1)>',
      '- <iframe src="https://evil.example"></iframe>',
      '**<b onmouseover=alert(1)>fett</b>**',
    ];
    for (const attack of attacks) {
      const html = render(attack);
      expect(html).not.toMatch(/<(script|img|svg|iframe|b)[\s>]/i);
      expect(html).not.toMatch(/<a /i);
      expect(html).toContain('&lt;');
    }
  });

  it('drops link targets that are not http(s) or relative, keeping the link text', () => {
    const targets = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      'mailto:a@b.de',
      'java%0ascript:alert(1)',
    ];
    for (const target of targets) {
      expect(safeHref(target), target).toBeNull();
      const html = render(`[Klick](${target})`);
      expect(html, target).not.toContain('href');
      expect(html).toContain('Klick');
    }
    expect(safeHref('./unterseite')).toBe('./unterseite');
    expect(safeHref('#abschnitt')).toBe('#abschnitt');
  });

  it('parses into blocks: a paragraph joins its lines, a list continues until a blank or other block', () => {
    expect(parseMarkdown('a\nb\n\n- x\n- y\n---\n> z').map((b) => b.kind)).toEqual([
      'paragraph',
      'list',
      'rule',
      'quote',
    ]);
    expect(parseMarkdown('a\nb')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: 'a b' }] }]);
  });
});
