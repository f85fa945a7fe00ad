export { AuthPage } from './components/AuthPage';
export { TeamSwitcher } from './components/TeamSwitcher';
export { useMe } from './api/get-me';
export { useLogout } from './api/logout';
