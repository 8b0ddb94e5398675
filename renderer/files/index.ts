export { downloadMarkdown, markdownFileName } from './markdown-download.ts';
