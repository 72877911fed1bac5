import { graphqlTestConfig } from '../../vitest.shared.ts';

export default graphqlTestConfig();
