import type { Client } from './http.ts';

/** Uploads a file to a case as the client's browser would (multipart/form-data, field `file`). */
export function uploadDocument(
  client: Client,
  caseId: string,
  fileName: string,
  type: string,
  content: Buffer,
) {
  const boundary = '----leuchtturm-test-upload';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    payload: body,
    headers: {
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrfToken ?? '',
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}
