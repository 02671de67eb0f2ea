import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * Mantine's PasswordInput with a German name for the show/hide button and `aria-invalid` on the input (Mantine
 * sets only `data-invalid` there). The button's name avoids the word "Passwort" so the field's label stays unique.
 */
export function PasswordField(props: PasswordInputProps) {
  return (
    <PasswordInput
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': 'Eingabe im Klartext anzeigen' }}
    />
  );
}
