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
 * A language's messages: every key of the English catalog, and no other (a missing or extra key
 * is a type error). `{name}` in a message is replaced by the parameter `name`.
 */
export type Messages = {
  readonly [Key in keyof typeof en]: (typeof en)[Key] extends string ? string : PluralMessage;
};

export type MessageKey = keyof Messages;

/** The keys of plain messages. */
export type TextKey = { [Key in MessageKey]: Messages[Key] extends string ? Key : never }[MessageKey];

/** The keys of messages that change with a number (`count`). */
export type PluralKey = Exclude<MessageKey, TextKey>;
