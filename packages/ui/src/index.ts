export { graphql, readFragment, type FragmentOf, type ResultOf, type VariablesOf } from './graphql.ts';
export type { CommunityArea, CommunityKind, ProfileName, Role, StepKey, StepStatus } from './graphql.ts';
export { authErrorOf, createHuanjieClient, errorMessage, type AuthError } from './client.ts';
export { I18nProvider, translate, useLang, useT, type Lang, type MessageKey, type Translate } from './i18n.tsx';
export { datePickerFormat, formatDate, formatNumber } from './format.ts';
export { HuanjieProviders, useSession } from './session.tsx';
export { LanguageSwitch, RequireAuth, SIGN_IN_PATH, SignInPage, useSignOut, useViewer, type Me, type SignInState, type Township } from './auth.tsx';
