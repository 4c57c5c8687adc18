import type { en } from './en';

/**
 * A message that changes with a number: one text per plural category of the language (as
 * Intl.PluralRules names them), `other` always. `{count}` in it is the number, formatted.
 */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/**
 * A language's messages for the keys of English ones (the whole catalog, or one of its parts such as
 * `en/shell.ts`): every key, and no other (a missing or extra key is a type error), each plain or
 * plural as in English.
 */
export type MessagesOf<English> = {
  readonly [Key in keyof English]: English[Key] extends string ? string : PluralMessage;
};

/**
 * A language's messages: every key of the English catalog, and no other (a missing or extra key
 * is a type error). `{name}` in a message is replaced by the parameter `name`.
 */
export type Messages = MessagesOf<typeof en>;

export type MessageKey = keyof Messages;

/** The keys of plain messages. */
export type TextKey = { [Key in MessageKey]: Messages[Key] extends string ? Key : never }[MessageKey];

/** The keys of messages that change with a number (`count`). */
export type PluralKey = Exclude<MessageKey, TextKey>;
