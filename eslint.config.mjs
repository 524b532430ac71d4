// The tab's lint (`npm run lint:tab`, run by scripts/test.sh): typescript-eslint's strict rules with type information,
// the rules of hooks (and the React Compiler's), and jsx-a11y's accessibility checks. A rule turned down says why.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated from the service's OpenAPI document by scripts/tab-api.sh; the build output is not ours either.
  { ignores: ['src/Tab/src/shared/api/generated.ts', 'src/LeanTeamsApp/wwwroot/**'] },
  {
    files: ['src/Tab/**/*.{ts,tsx,mts}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: `${import.meta.dirname}/src/Tab` },
    },
    rules: {
      // Numbers in texts are what the dictionaries are made of; the rule is kept for objects, null and undefined.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is how React handlers read; a void value used anywhere else is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `({ [field]: _, ...rest }) => rest` drops a key, and a stand-in's `_config` keeps the signature it stands in for.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/Tab/**/*.test.{ts,tsx}', 'src/Tab/src/test/**'],
    rules: {
      // getBy*/findBy* throw when nothing matches, so a truthiness check on what they return can never fail.
      'no-restricted-syntax': ['error', ...['', 'AwaitExpression > '].map((awaited) => ({
        selector: `CallExpression[callee.property.name=/^(toBeTruthy|toBeDefined)$/] > MemberExpression.callee > CallExpression.object[callee.name='expect'] > ${awaited}CallExpression[callee.property.name=/^(get|find)(All)?By/]`,
        message: 'This cannot fail: getBy/findBy throw when nothing matches. Assert something that can (queryBy… not.toBeNull(), a count, a text).',
      }))],
      // A test that meets null where it asserted a value fails at once on it, which is what a test should do.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
