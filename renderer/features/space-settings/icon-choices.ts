/** Icons offered with one click in the space settings (any other can be typed). */
export const ICON_CHOICES: readonly string[] = [
  '📁',
  '📚',
  '🚀',
  '🎨',
  '🧪',
  '🛠️',
  '💡',
  '📈',
  '🗓️',
  '🤝',
  '🏠',
  '⭐',
];
