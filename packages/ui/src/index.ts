export { graphql, readFragment, type FragmentOf, type ResultOf, type VariablesOf } from './graphql.ts';
export type {
  CandidateStage,
  CommunityArea,
  CommunityKind,
  DuplicateStatus,
  EducationLevel,
  NearRelativeKind,
  ObjectionKind,
  PollingPlaceKind,
  PositionKind,
  ProfileName,
  RegistrationCategory,
  Role,
  Sex,
  StaffRole,
  StepKey,
  StepStatus,
  VoterListChangeKind,
  VoterStatus,
} from './graphql.ts';
export { authErrorOf, createHuanjieClient, errorMessage, type AuthError } from './client.ts';
export { sseParser, subscriptionOpened, type SseEvent } from './sse.ts';
export { I18nProvider, translate, useLang, useT, type Lang, type MessageKey, type Translate } from './i18n.tsx';
export { datePickerFormat, formatDate, formatDateTime, formatNumber } from './format.ts';
export { HuanjieProviders, useSession } from './session.tsx';
export { LanguageSwitch, RequireAuth, SIGN_IN_PATH, SignInPage, useSignOut, useViewer, type Me, type SignInState, type Township } from './auth.tsx';
