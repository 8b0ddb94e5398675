export { Dialog, type DialogBodyProps, type DialogProps } from './Dialog.tsx';
export { useDialogButton } from './dialog-button.ts';
