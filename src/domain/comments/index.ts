export { detectLanguage, normalizeText, stemWord, tokenize, type CommentLanguage, type Token } from './text.ts';
export { STARTER_TAXONOMY, STARTER_TOPIC_IDS, type LexiconEntry, type Taxonomy, type TopicDefinition, type TopicPolarity } from './taxonomy.ts';
export { topicsOf, topicsOfTokens, type TopicMatch, type TopicResult } from './topics.ts';
export {
  bandLabel, combineWithScore, scoreBand, sentimentOf, sentimentOfTokens,
  type CombinedSentiment, type ScoreBand, type Sentiment, type SentimentLabel,
} from './sentiment.ts';
export { STARTER_SENTIMENT_LEXICON, type SentimentLexicon } from './sentimentLexicon.ts';
export { evaluateComments, topicScores, type CommentEvaluation, type LabelledComment, type TopicScore } from './evaluate.ts';
