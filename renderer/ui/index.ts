export { Button, IconButton, type ButtonProps, type IconButtonProps } from './Button.tsx';
export { Chip, type ChipProps, type ChipTone } from './Chip.tsx';
export { Dialog, type DialogBodyProps, type DialogProps } from './Dialog.tsx';
export { useDialogButton } from './dialog-button.ts';
export { Field, Select, TextArea, TextInput } from './Input.tsx';
export { Menu, MenuList, type MenuItem } from './Menu.tsx';
export { Toaster } from './Toaster.tsx';
export { dismissToast, showToast, type ToastTone } from './toast.ts';
export { classes } from './classes.ts';
