export { Dialog, type DialogBodyProps, type DialogProps } from './Dialog.tsx';
