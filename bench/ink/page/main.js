// The player of Inky's web export, condensed: continue the story, show its paragraphs, offer its
// choices as buttons (the `choice` class, as the bench looks for), and go on when one is clicked.
(function () {
  const story = new inkjs.Story(storyContent);
  const container = document.getElementById('story');

  function paragraph(text, cls) {
    const p = document.createElement('p');
    p.textContent = text;
    if (cls) p.className = cls;
    container.appendChild(p);
  }

  function continueStory() {
    while (story.canContinue) {
      const text = story.Continue().trim();
      if (text) paragraph(text);
    }
    if (!story.currentChoices.length) {
      paragraph('End of story.', 'end');
      return;
    }
    const group = document.createElement('div');
    group.setAttribute('role', 'group');
    story.currentChoices.forEach((choice) => {
      const p = document.createElement('p');
      p.className = 'choice';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'choice';
      button.textContent = choice.text;
      button.addEventListener('click', () => {
        group.remove();
        paragraph(choice.text);
        story.ChooseChoiceIndex(choice.index);
        continueStory();
      });
      p.appendChild(button);
      group.appendChild(p);
    });
    container.appendChild(group);
  }

  continueStory();
}());
