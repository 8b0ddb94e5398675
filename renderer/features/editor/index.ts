export { NoteEditor, type NoteEditorProps } from './NoteEditor.tsx';
export { refusal, refusalMessage } from './refusal.ts';
export { noteExtensions } from './extensions.ts';
export { newActionItemId } from './action-item.ts';
