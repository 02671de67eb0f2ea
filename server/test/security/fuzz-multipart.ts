import fc from 'fast-check';

/**
 * Multipart bodies for the document upload: well-formed ones with any name, type and content, and broken ones (cut
 * off, no boundary, a boundary that never comes, two files, a part without a file, garbage).
 */
const boundary = '----leuchtturm-fuzz';

const fileName = fc.oneof(
  fc.constantFrom(
    'Bericht.pdf',
    'Zeugnis.png',
    'ä ö ü ß.txt',
    '北京.txt',
    '..\\..\\boot.ini',
    'a"b.txt',
    '\u0000.txt',
    '',
  ),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
);
const fileType = fc.oneof(
  fc.constantFrom(
    'application/pdf',
    'text/plain',
    'image/png',
    'text/html',
    'image/svg+xml',
    'application/xhtml+xml',
    'application/x-msdownload',
    'text/plain; charset=utf-8',
    '',
    'multipart/form-data',
  ),
  fc.string({ maxLength: 40 }),
);
const content = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  fc.constantFrom(
    Buffer.from('<!doctype html><script>alert(1)</script>'),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    Buffer.from('%PDF-1.4\n%%EOF'),
    Buffer.from(`\r\n--${boundary}\r\n`),
  ),
);

function part(name: string, file: string, type: string, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    body,
    Buffer.from('\r\n'),
  ]);
}

const closing = Buffer.from(`--${boundary}--\r\n`);

export const multipartBodies: fc.Arbitrary<{ payload: Buffer; contentType: string; wellFormed: boolean }> = fc
  .tuple(
    fc.constantFrom('ok', 'cut', 'noBoundary', 'neverClosed', 'twoFiles', 'otherField', 'garbage', 'json'),
    fileName,
    fileType,
    content,
    fc.nat(),
  )
  .map(([shape, name, type, body, cut]) => {
    const whole = Buffer.concat([part('file', name, type, body), closing]);
    const multipart = `multipart/form-data; boundary=${boundary}`;
    switch (shape) {
      case 'cut':
        return { payload: whole.subarray(0, cut % whole.length), contentType: multipart, wellFormed: false };
      case 'noBoundary':
        return { payload: whole, contentType: 'multipart/form-data', wellFormed: false };
      case 'neverClosed':
        return { payload: part('file', name, type, body), contentType: multipart, wellFormed: false };
      case 'twoFiles':
        return {
          payload: Buffer.concat([part('file', name, type, body), part('file', name, type, body), closing]),
          contentType: multipart,
          wellFormed: true,
        };
      case 'otherField':
        return {
          payload: Buffer.concat([part('anders', name, type, body), closing]),
          contentType: multipart,
          wellFormed: true,
        };
      case 'garbage':
        return { payload: body, contentType: multipart, wellFormed: false };
      case 'json':
        return { payload: Buffer.from('{"file":"x"}'), contentType: 'application/json', wellFormed: false };
      default:
        return { payload: whole, contentType: multipart, wellFormed: true };
    }
  });
