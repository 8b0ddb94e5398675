export { downloadFile } from './download-file.ts';
export { downloadMarkdown, markdownFileName } from './markdown-download.ts';
