export { detectLanguage, normalizeText, stemWord, tokenize, type CommentLanguage, type Token } from './text.ts';
export { STARTER_TAXONOMY, STARTER_TOPIC_IDS, type LexiconEntry, type Taxonomy, type TopicDefinition, type TopicPolarity } from './taxonomy.ts';
export { topicsOf, topicsOfTokens, type TopicMatch, type TopicResult } from './topics.ts';
export {
  bandLabel, combineWithScore, scoreBand, sentimentOf, sentimentOfTokens,
  type CombinedSentiment, type ScoreBand, type Sentiment, type SentimentLabel,
} from './sentiment.ts';
export { STARTER_SENTIMENT_LEXICON, type SentimentLexicon } from './sentimentLexicon.ts';
export { evaluateComments, topicScores, type CommentEvaluation, type LabelledComment, type TopicScore } from './evaluate.ts';
export {
  CLASSIFIER_FORMAT, MAX_TRAINING_EXAMPLES, MIN_SENTIMENT_EXAMPLES, MIN_TOPIC_EXAMPLES, TOPIC_THRESHOLD, classifierActive, combineSentiment, combineTopics, featuresOf,
  predict, readyTopics, sentimentReady, trainClassifier, type ClassifierModel, type ClassifierPrediction, type TrainingExample,
} from './classifier.ts';
export { analyseText, analysisVersion, type CommentAnalysis, type CommentEngine } from './engine.ts';
export { ENTRIES_PER_TOPIC_MAX, ENTRIES_TOTAL_MAX, TaxonomyInput, TOPIC_ID, TOPICS_MAX, taxonomyOf } from './taxonomyRules.ts';
