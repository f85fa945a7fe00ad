import { useState, type FormEvent } from 'react';
import { Link, navigate } from '@/lib/router';
import { Button } from '@/components/ui';
import { errorMessage } from '@/lib/format';
import { useLogin } from '../api/login';
import { useSignup } from '../api/signup';

export function AuthPage({ mode, next = '/datasets' }: { mode: 'signin' | 'signup'; next?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const signup = useSignup();
  const mutation = mode === 'signin' ? login : signup;
  const tooShort = mode === 'signup' && password.length > 0 && password.length < 8;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <div className="auth-screen">
      <div className="auth-brand">
        <div className="logo-mark">W4R</div>
        <h1>Web4Rec</h1>
        <p>Evaluate recommender experiments beyond accuracy: novelty, coverage, diversity, calibration, and whether the differences are real.</p>
      </div>
      <form className="auth-card" onSubmit={submit} aria-label={mode === 'signin' ? 'Sign in' : 'Sign up'}>
        <h2>{mode === 'signin' ? 'Sign in' : 'Create your account'}</h2>
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} placeholder="ada@example.com" />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete={mode === 'signin' ? 'current-password' : 'new-password'} required minLength={mode === 'signup' ? 8 : undefined}
            value={password} onChange={(e) => setPassword(e.target.value)} placeholder={mode === 'signup' ? 'at least 8 characters' : ''} />
          {tooShort && <small className="field-hint warn">Use at least 8 characters.</small>}
        </label>
        {mutation.isError && <div className="form-error" role="alert">{errorMessage(mutation.error)}</div>}
        <Button variant="primary" type="submit" disabled={mutation.isPending} className="btn-block">
          {mutation.isPending ? 'Please wait…' : mode === 'signin' ? 'Sign in' : 'Sign up'}
        </Button>
        <p className="auth-switch">
          {mode === 'signin'
            ? <>No account yet? <Link to="/signup">Sign up</Link></>
            : <>Already have an account? <Link to="/signin">Sign in</Link></>}
        </p>
        {mode === 'signin' && <p className="auth-hint">Running <code>./web4rec demo</code>? Sign in as <code>demo@web4rec.local</code> / <code>web4rec-demo</code>.</p>}
      </form>
    </div>
  );
}
