import { randomBytes } from 'crypto';

export interface MultipartPart {
	name: string;
	/** A plain field value, or file content. */
	value: string | Buffer;
	fileName?: string;
	contentType?: string;
}

/** Encodes parts as multipart/form-data; returns the body and its Content-Type header. */
export function encodeMultipart(parts: MultipartPart[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nGong${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name.replace(/"/g, '%22')}"`;
		if (part.fileName !== undefined) head += `; filename="${part.fileName.replace(/"/g, '%22')}"`;
		head += '\r\n';
		if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
		head += '\r\n';
		chunks.push(Buffer.from(head, 'utf8'));
		chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value);
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
