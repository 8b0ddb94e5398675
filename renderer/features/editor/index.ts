export { NoteEditor, type NoteEditorProps } from './NoteEditor.tsx';
export { refusal, refusalMessage } from './refusal.ts';
