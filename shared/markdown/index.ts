/** Markdown out of Yjs documents (issue 5 point 5; issue 4 point 9 builds on it). */
export { fragmentToMarkdown } from './fragment-to-markdown.ts';
